void register_plugin(const char *);
const char plugin_alpha_name[] = "alpha";
__attribute__((constructor)) static void init_alpha(void) { register_plugin(plugin_alpha_name); }
