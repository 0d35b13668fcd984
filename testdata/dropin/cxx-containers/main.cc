// iostream formatting, std::string, vector, map, unordered_map, sort and
// stringstream from libstdc++.a.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
  std::string text = "the quick brown fox jumps over the lazy dog the end";
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  std::map<std::string, int> counts;
  std::unordered_map<std::string, size_t> lengths;
  for (const auto &w : words) {
    counts[w]++;
    lengths.emplace(w, w.size());
  }
  for (const auto &[w, n] : counts) std::cout << std::setw(6) << w << ':' << n << '\n';
  std::vector<std::pair<std::string, size_t>> sorted(lengths.begin(), lengths.end());
  std::sort(sorted.begin(), sorted.end());
  std::cout << "unordered_map size " << lengths.size() << ':';
  for (const auto &[w, n] : sorted) std::cout << ' ' << w << '=' << n;
  std::cout << '\n';

  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), -50);
  std::reverse(v.begin(), v.end());
  std::stable_sort(v.begin(), v.end(), [](int a, int b) { return a * a < b * b; });
  std::cout << "first " << v[0] << ' ' << v[1] << ' ' << v[2] << " sum "
            << std::accumulate(v.begin(), v.end(), 0L) << '\n';

  std::string s = "Hello";
  s += ", world";
  s.insert(5, " there");
  std::transform(s.begin(), s.end(), s.begin(), ::toupper);
  std::cout << s << " find=" << s.find("WORLD") << " substr=" << s.substr(7, 5) << '\n';
  std::ostringstream os;
  os << std::hex << 255 << ' ' << std::dec << std::fixed << std::setprecision(3) << 3.14159
     << ' ' << std::scientific << 12345.678 << ' ' << std::boolalpha << true;
  std::cout << os.str() << std::endl;
  std::cerr << "cerr works" << std::endl;
  return 0;
}
