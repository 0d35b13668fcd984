/* prog -> a -> b -> c3: init order c3, b, a, prog; fini the reverse. */
#include <stdio.h>
void a_report(void);
double a_vsum(int, ...);
double a_mix(int, float, double, int, float, double, int, double, double, double, double, double,
             double, double, long, long, long, long);
__attribute__((constructor)) static void init(void) { puts("init prog"); }
/* DT_PREINIT_ARRAY: run by the loader before any library's initialiser. */
static void preinit(int argc, char **argv, char **envp) {
  (void)envp;
  printf("preinit prog argc=%d argv[1]=%s\n", argc, argc > 1 ? argv[1] : "-");
}
__attribute__((section(".preinit_array"), used)) static void (*preinitEntry)(int, char **, char **) = preinit;
__attribute__((destructor)) static void fini(void) { puts("fini prog"); }
int main(int argc, char **argv) {
  printf("argc=%d argv[1]=%s argv[2]=%s\n", argc, argc > 1 ? argv[1] : "-", argc > 2 ? argv[2] : "-");
  a_report();
  a_report();
  printf("vsum=%f\n", a_vsum(5, 1.5, 2.25, 3.0, -0.75, 100.125));
  printf("mix=%.3f\n", a_mix(1, 2.5f, 3.25, 4, 5.5f, 6.75, 7, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.5,
                             15, 16, 17, 18));
  printf("%s %d %f %c %x\n", "varargs", -42, 3.14159, 'z', 0xbeef);
  return 3;
}
