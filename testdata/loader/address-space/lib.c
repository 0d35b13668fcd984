/* libspace: one of each kind of mapping a loader makes for a library:
   text, read-only data, a RELRO area (pointers relocated at load time, then
   read-only), writable data, .bss past the file's last page, and a TLS
   variable (initial-exec, so the block is static). */
#define N 1024
static int target;
int *const space_relro[N] = {[0] = &target, [N - 1] = &target};
int space_data = 7;
char space_bss[3 * 4096 + 100];
__thread int space_tls __attribute__((tls_model("initial-exec"))) = 5;
int space_check(void) { return space_relro[0] == &target && space_data == 7 && space_tls == 5; }
