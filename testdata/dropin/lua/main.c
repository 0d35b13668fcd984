/* Debian's liblua5.4.a: run a Lua snippet (closures, tables, string
 * library, coroutines, a C function called back) and check its result. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

static int cMultiply(lua_State *L) {
  lua_pushinteger(L, luaL_checkinteger(L, 1) * luaL_checkinteger(L, 2));
  return 1;
}

static const char *snippet =
    "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end\n"
    "local t = {}\n"
    "for i = 1, 20 do t[#t+1] = fib(i) end\n"
    "table.sort(t, function(a, b) return a > b end)\n"
    "local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * 10) end end)\n"
    "local ys = co() + co() + co()\n"
    "return string.format('fib20=%d top=%s yields=%d mul=%d float=%.3f', t[1],\n"
    "  table.concat(t, ',', 1, 3), ys, multiply(6, 7), math.sqrt(2))\n";

int main(void) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_register(L, "multiply", cMultiply);
  if (luaL_dostring(L, snippet) != LUA_OK) {
    printf("lua error: %s\n", lua_tostring(L, -1));
    return 1;
  }
  const char *result = lua_tostring(L, -1);
  printf("%s\n", result);
  const char *want = "fib20=6765 top=6765,4181,2584 yields=60 mul=42 float=1.414";
  int ok = strcmp(result, want) == 0;
  printf("%s: %s\n", LUA_RELEASE, ok ? "result correct" : "RESULT WRONG");
  lua_close(L);
  return ok ? 0 : 1;
}
