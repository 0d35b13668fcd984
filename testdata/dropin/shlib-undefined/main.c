/* Calls the library, so that it is needed even under --as-needed (gcc's
   default here), and its undefined names are then checked. */
int libCallsMissing(void);
int main(void) { return libCallsMissing(); }
