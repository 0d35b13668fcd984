const char *special_name(void) { return "decoy"; }
