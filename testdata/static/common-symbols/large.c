int shared_buf[256];
int configured = 77;

void fill_large(void) {
  for (int i = 0; i < 256; i++)
    shared_buf[i] = i;
}

int large_last(void) { return shared_buf[255]; }
