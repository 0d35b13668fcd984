/* A library that needs a symbol nobody defines. */
int notDefinedAnywhere(void);
int libCallsMissing(void) { return notDefinedAnywhere(); }
