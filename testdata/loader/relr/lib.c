/* librelr: many RELATIVE relocations (pointer tables with runs and gaps),
   packed as DT_RELR by -z pack-relative-relocs. */
static const char *const words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
struct Entry { const char *name; long value; const char *const *self; };
#define E(i) {words[i % 8], i, &words[i % 8]}
static const struct Entry table[] = {E(0), E(1), E(2), E(3), E(4), E(5), E(6), E(7), E(8), E(9), E(10),
                                     E(11), E(12), E(13), E(14), E(15), E(16), E(17), E(18), E(19)};
static const char *const *dense[100];
long lib_sum(void) {
  for (int i = 0; i < 100; ++i) dense[i] = &words[i % 8];
  long sum = 0;
  for (unsigned i = 0; i < sizeof table / sizeof table[0]; ++i)
    sum += table[i].value * (long)table[i].name[0] + (*table[i].self)[1];
  return sum + (long)(*dense[99])[0];
}
const char *lib_word(int i) { return words[i % 8]; }
