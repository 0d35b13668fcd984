const char *special_name(void) { return "from libspecial.a in sub/"; }
