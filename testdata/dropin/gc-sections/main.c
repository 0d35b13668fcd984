/* Compiled with -ffunction-sections -fdata-sections: --gc-sections must drop
 * the unused functions and the 256 KiB table, and keep what is reached from
 * main, the init array, a __start_/__stop_ section and a retained section. */
#include <stdio.h>

struct plugin {
  const char *name;
  int value;
};
#define PLUGIN(id, v) \
  static const struct plugin id __attribute__((used, section("dropin_plugins"))) = {#id, v}
PLUGIN(alpha, 1);
PLUGIN(beta, 2);
PLUGIN(gamma, 3);
extern const struct plugin __start_dropin_plugins[], __stop_dropin_plugins[];

/* Nothing refers to this; SHF_GNU_RETAIN must keep it anyway. */
__attribute__((retain, used)) static const char retained[] = "DROPIN-RETAINED-MARKER";

int unusedTable[65536] = {1};
const char unusedText[] = "DROPIN-UNUSED-MARKER";
int unusedFunction(int x) { return unusedTable[x] + unusedText[x]; }
int anotherUnused(int x) { return unusedFunction(x) * 3; }

static int initialised;
__attribute__((constructor)) static void init(void) { initialised = 42; }

int usedTable[16] = {5, 6, 7};
int usedFunction(int i) { return usedTable[i] * 2; }

int main(void) {
  int sum = 0;
  for (const struct plugin *p = __start_dropin_plugins; p < __stop_dropin_plugins; p++) {
    printf("plugin %s=%d\n", p->name, p->value);
    sum += p->value;
  }
  printf("sum=%d used=%d constructor ran: %d\n", sum, usedFunction(2), initialised == 42);
  return 0;
}
