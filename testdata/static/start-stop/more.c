#include "rec.h"
RECORD(charlie, 300);
RECORD(delta, 4000);
RECORD(echo, 50000);
