__thread int other_tls = 99;
extern __thread int tls_counter;

int other_read(void) { return other_tls + tls_counter * 1000; }
void other_write(int v) { other_tls = v; }
int *other_addr(void) { return &other_tls; }
