/* Prints which copy of libpick.so the search order found. */
void pick(void);
int main(void) {
  pick();
  return 0;
}
