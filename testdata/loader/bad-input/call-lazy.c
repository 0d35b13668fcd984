void lazy_call(void);
int main(void) {
  lazy_call();
  return 0;
}
