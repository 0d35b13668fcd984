/* libinterpose.so: calls its own global hook() and reads its own global
 * sharedValue; both are preemptible, so the executable's definitions win. */
int hook(void) { return 1; }
int sharedValue = 10;

int callHook(void) { return hook() * 100; }
int readShared(void) { return sharedValue; }
int notInterposed(void) { return hook() == 1 ? -1 : 7; }
