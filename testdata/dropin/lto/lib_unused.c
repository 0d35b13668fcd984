/* Archive member nothing needs: never pulled, never linked. */
int lib_unused(int x) { return x * 3; }
