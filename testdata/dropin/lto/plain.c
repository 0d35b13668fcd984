/* Compiled without -flto: a regular object that calls into the LTO code. */
int lto_called_from_plain(int x);
int plain_twice(int x) { return lto_called_from_plain(x) * 2; }
