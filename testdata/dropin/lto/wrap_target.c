/* The function --wrap=target wraps (wrap_main.c). */
int target(int x) { return x + 1; }
