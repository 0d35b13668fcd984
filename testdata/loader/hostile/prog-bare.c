/* Needs libbare's versioned bare_f (DT_VERNEED). */
int bare_f(void);
int main(void) { return bare_f(); }
