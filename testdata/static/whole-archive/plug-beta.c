void register_plugin(const char *);
const char plugin_beta_name[] = "beta";
__attribute__((constructor)) static void init_beta(void) { register_plugin(plugin_beta_name); }
