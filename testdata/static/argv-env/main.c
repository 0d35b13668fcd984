#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv, char **envp) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("argv[%d]=[%s]\n", i, argv[i]);
  printf("argv[argc] is null: %d\n", argv[argc] == 0);
  const char *g = getenv("MLD_E2E_GREETING");
  printf("getenv: %s\n", g ? g : "(unset)");
  printf("getenv missing: %s\n", getenv("MLD_E2E_SURELY_UNSET_VARIABLE") ? "set" : "(unset)");
  int found = 0;
  for (char **e = envp; *e; e++) found |= strcmp(*e, "MLD_E2E_GREETING=hello-from-env") == 0;
  printf("envp has it: %d\n", found);
  const char *base = strrchr(argv[0], '/');
  printf("argv[0] ends with /prog: %d\n", base && strcmp(base, "/prog") == 0);
  return 0;
}
