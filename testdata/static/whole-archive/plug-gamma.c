void register_plugin(const char *);
const char plugin_gamma_name[] = "gamma";
__attribute__((constructor)) static void init_gamma(void) { register_plugin(plugin_gamma_name); }
