struct rec { const char *name; long value; };
#define RECORD(id, v) \
  static const struct rec rec_##id __attribute__((section("mysec"), used, aligned(8))) = {#id, v}
