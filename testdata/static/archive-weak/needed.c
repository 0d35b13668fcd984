int needed_function(int x) { return x * 21; }
