/* libvers.so, linked with lib.map: api_* are exported as DROP_1.0,
 * hidden_helper is made local although it is a global definition here. */
int hidden_helper(void) { return 40; }
int api_one(void) { return 1; }
int api_two(void) { return 2 + hidden_helper(); }
