/* Debian's libsqlite3.a: create a table, insert rows in a transaction with
 * a prepared statement, and check aggregate queries. */
#include <sqlite3.h>
#include <stdio.h>

static int check(int rc, sqlite3 *db, const char *what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    printf("%s failed: %s\n", what, sqlite3_errmsg(db));
    return 1;
  }
  return 0;
}

static int printRow(void *ctx, int n, char **vals, char **names) {
  for (int i = 0; i < n; i++) printf("%s%s=%s", i ? " " : "  ", names[i], vals[i] ? vals[i] : "NULL");
  putchar('\n');
  (*(int *)ctx)++;
  return 0;
}

int main(void) {
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) { puts("open failed"); return 1; }
  if (check(sqlite3_exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL);"
                             "BEGIN;", 0, 0, 0), db, "create"))
    return 1;
  sqlite3_stmt *ins;
  if (check(sqlite3_prepare_v2(db, "INSERT INTO t(name, score) VALUES(?, ?)", -1, &ins, 0), db, "prepare"))
    return 1;
  for (int i = 0; i < 1000; i++) {
    char name[16];
    snprintf(name, sizeof name, "row%03d", i % 100);
    sqlite3_bind_text(ins, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ins, 2, i * 0.5);
    if (check(sqlite3_step(ins), db, "insert")) return 1;
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(db, "COMMIT;", 0, 0, 0);

  sqlite3_stmt *q;
  sqlite3_prepare_v2(db, "SELECT count(*), sum(score), max(name) FROM t", -1, &q, 0);
  if (sqlite3_step(q) != SQLITE_ROW) { puts("select failed"); return 1; }
  int count = sqlite3_column_int(q, 0);
  double sum = sqlite3_column_double(q, 1);
  const char *maxName = (const char *)sqlite3_column_text(q, 2);
  printf("count=%d sum=%.1f max=%s\n", count, sum, maxName);
  int ok = count == 1000 && sum == 249750.0;
  sqlite3_finalize(q);
  int rows = 0;
  sqlite3_exec(db, "SELECT name, count(*) AS n, avg(score) AS avg FROM t WHERE name < 'row003' "
                   "GROUP BY name ORDER BY name", printRow, &rows, 0);
  ok = ok && rows == 3;
  printf("sqlite %s: results %s\n", sqlite3_libversion(), ok ? "correct" : "WRONG");
  sqlite3_close(db);
  return ok ? 0 : 1;
}
