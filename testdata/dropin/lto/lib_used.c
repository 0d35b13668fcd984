/* Archive member main.c needs. */
int lib_used(int x) { return x % 97; }
