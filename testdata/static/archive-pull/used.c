extern int helper_value;
int used_function(int x) { return x * helper_value; }
