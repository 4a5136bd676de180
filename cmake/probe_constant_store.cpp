// Configure-time probe, run by cmake/codegen.cmake: does the compiler, with
// this build's flags, store a small constant array correctly? GCC 12.2
// (Debian 12's) at -O2 with AVX-512 enabled (-march=native on an AVX-512
// CPU, or -mavx512f) stores {10000, 10000, 10000, 0} as four copies of
// 10000: its SLP vectoriser turns the four stores into one broadcast.
// Exits 0 when the store is right, 1 when it is not.
#include <cstdint>
#include <cstring>

namespace {

__attribute__((noinline)) void store(std::int64_t* out) {
  const std::int64_t values[4] = {10000, 10000, 10000, 0};
  std::memcpy(out, values, sizeof values);
}

}  // namespace

int main() {
  std::int64_t out[4] = {-1, -1, -1, -1};
  store(out);
  return out[0] == 10000 && out[1] == 10000 && out[2] == 10000 && out[3] == 0 ? 0 : 1;
}
