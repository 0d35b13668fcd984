int shared_buf[16];
int configured;
long shared_scalar;

int sum_small(void) {
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += shared_buf[i];
  return s + (int)shared_scalar;
}
