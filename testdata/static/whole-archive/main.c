#include <stdio.h>
#include <string.h>

static const char *names[8];
static int count;
int lazy_used(int);

void register_plugin(const char *name) { names[count++] = name; }

int main(void) {
  /* Constructor order across members is the link order; sort for stability. */
  for (int i = 0; i < count; i++)
    for (int j = i + 1; j < count; j++)
      if (strcmp(names[j], names[i]) < 0) { const char *t = names[i]; names[i] = names[j]; names[j] = t; }
  printf("%d plugins\n", count);
  for (int i = 0; i < count; i++)
    printf("plugin %s\n", names[i]);
  printf("lazy_used(3)=%d\n", lazy_used(3));
  return 0;
}
