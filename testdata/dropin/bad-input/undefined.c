/* References a function nothing defines: -z defs must reject the -shared link. */
extern int notDefinedAnywhere(void);

int useIt(void) { return notDefinedAnywhere() + 1; }
