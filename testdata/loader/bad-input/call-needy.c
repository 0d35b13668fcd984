int needy_var(void);
void needy_call(void);
int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1) needy_call();
  return needy_var();
}
