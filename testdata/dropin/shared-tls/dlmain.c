/* dlopens libtls.so (dynamic TLS: the module gets its block on demand)
 * and calls into it from two threads. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static int (*bump)(int);
static int *(*address)(void);
static int results[2][2];

static void *worker(void *arg) {
  int id = (int)(long)arg;
  results[id][0] = bump(id + 1);
  results[id][1] = bump(id + 1);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  bump = (int (*)(int))dlsym(h, "libBump");
  address = (int *(*)(void))dlsym(h, "libTlsAddress");
  if (!bump || !address) return 1;
  pthread_t t[2];
  for (long i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < 2; i++) printf("thread %d: %d %d\n", i, results[i][0], results[i][1]);
  printf("main: %d libTls=%d\n", bump(7), *address());
  return 0;
}
