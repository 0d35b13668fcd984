/* A well-formed program that the tests below corrupt. */
void good(void);
int main(void) {
  good();
  return 0;
}
