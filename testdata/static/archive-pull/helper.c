int helper_value = 11;
