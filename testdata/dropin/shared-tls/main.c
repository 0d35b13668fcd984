/* Threads using the executable's own __thread variable (local-exec) and
 * libtls.so's (initial-exec from the executable: R_X86_64_TPOFF64). */
#include <pthread.h>
#include <stdio.h>

extern __thread int libTls;
__thread int exeTls = 5;
int libBump(int by);
int *libTlsAddress(void);
const char *libNameOfThread(void);

static char results[4][96];

static void *worker(void *arg) {
  int id = (int)(long)arg;
  exeTls += id;
  libTls += id * 100;
  int r = libBump(id + 1);
  snprintf(results[id], sizeof results[id], "thread %d: exeTls=%d libTls=%d bump=%d same=%d name=%s", id,
           exeTls, libTls, r, &libTls == libTlsAddress(), libNameOfThread());
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < 4; i++) puts(results[i]);
  printf("main: exeTls=%d libTls=%d same=%d\n", exeTls, libTls, &libTls == libTlsAddress());
  return 0;
}
