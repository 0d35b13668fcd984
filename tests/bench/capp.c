/* capp: the C program of the c-archives workload. Uses sqlite3 (an
   in-memory table and a query), zlib (compress and check a round trip) and
   Lua (runs a small script) from their static archives, and prints results
   that do not depend on the run. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

static int printRow(void *unused, int n, char **values, char **names) {
  (void)unused;
  for (int i = 0; i < n; ++i)
    printf("%s=%s%s", names[i], values[i] ? values[i] : "NULL", i + 1 < n ? " " : "\n");
  return 0;
}

static int useSqlite(void) {
  sqlite3 *db;
  char *err = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK)
    return 1;
  const char *sql =
      "create table t(k integer primary key, v text);"
      "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000)"
      " insert into t select i, printf('row%04d', i) from n;"
      "select count(*) as rows, sum(k) as total, max(v) as last from t where k % 7 = 0;";
  int rc = sqlite3_exec(db, sql, printRow, 0, &err);
  if (rc != SQLITE_OK)
    printf("sqlite error: %s\n", err);
  sqlite3_close(db);
  return rc != SQLITE_OK;
}

static int useZlib(void) {
  static char text[20000], packed[30000], unpacked[20000];
  for (size_t i = 0; i < sizeof text; ++i)
    text[i] = "abcdefgh"[(i * i) % 8];
  uLongf packedLen = sizeof packed, unpackedLen = sizeof unpacked;
  if (compress2((Bytef *)packed, &packedLen, (Bytef *)text, sizeof text, 9) != Z_OK)
    return 1;
  if (uncompress((Bytef *)unpacked, &unpackedLen, (Bytef *)packed, packedLen) != Z_OK)
    return 1;
  printf("zlib: %lu -> %lu bytes, round trip %s, crc32 %08lx\n", (unsigned long)sizeof text,
         (unsigned long)packedLen, memcmp(text, unpacked, sizeof text) ? "differs" : "ok",
         (unsigned long)crc32(0, (Bytef *)text, sizeof text));
  return 0;
}

static int useLua(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  const char *script = "local t = {} for i = 1, 100 do t[#t + 1] = i * i end "
                       "local s = 0 for _, v in ipairs(t) do s = s + v end "
                       "return string.format('lua: sum of squares %d, %s', s, string.rep('ab', 3))";
  int rc = luaL_dostring(L, script);
  printf("%s\n", rc ? "lua error" : lua_tostring(L, -1));
  lua_close(L);
  return rc;
}

int main(void) {
  int rc = useSqlite() | useZlib() | useLua();
  printf("done %d\n", rc);
  return rc;
}
