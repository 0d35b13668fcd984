struct node { int value; const char *label; struct node *next; };

extern struct node head;
int numbers[10] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
int *const middle = &numbers[5];
const char *const labels[] = {"zero", "one", "two"};
struct node tail = {3, "tail", 0};
struct node mid = {2, "mid", &tail};
const char *const *label_ptr = &labels[2];
