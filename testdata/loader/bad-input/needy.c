/* libneedy: refers to a variable (GLOB_DAT, bound at load time) and a
   function (JUMP_SLOT, lazy) that no object defines. */
extern int missing_var;
void missing_fn(void);
int needy_var(void) { return missing_var; }
void needy_call(void) { missing_fn(); }
