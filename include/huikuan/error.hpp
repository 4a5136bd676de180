// Error types. Every message starts with a stable id in brackets, e.g.
//   [huikuan.money.2] amount "12,34.5x" is not a decimal number
// Tests pin these texts; ids never change meaning once released.
//
//   input_error     bad input: a value, row or argument that cannot be used
//                   (derived from std::invalid_argument; Python: ValueError)
//   overflow_error  arithmetic that cannot be exact (an int64 sum of money
//                   that would wrap); a kind of input_error
//   not_found_error a key that does not exist (std::out_of_range; KeyError)
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace huikuan {

namespace detail {
/// "[id] message", the form of every huikuan error text.
inline std::string compose_error_message(std::string_view id, std::string_view message) {
  std::string text;
  text.reserve(id.size() + message.size() + 3);
  text.append("[").append(id).append("] ").append(message);
  return text;
}
}  // namespace detail

/// Bad input. `id()` is the stable id ("huikuan.ledger.2"), `field()` the
/// column or argument the problem is in (may be empty).
class input_error : public std::invalid_argument {
public:
  input_error(std::string_view id, std::string_view message, std::string_view field = {})
      : std::invalid_argument(detail::compose_error_message(id, message)), id_(id), field_(field) {}
  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] const std::string& field() const noexcept { return field_; }
  /// The message without the "[id] " prefix.
  [[nodiscard]] std::string_view reason() const noexcept {
    std::string_view text = what();
    return text.substr(id_.size() + 3);
  }

private:
  std::string id_;
  std::string field_;
};

/// Money arithmetic that would leave the int64 range of minor units.
class overflow_error : public input_error {
public:
  using input_error::input_error;
};

/// A key (customer id, invoice id, column name) that does not exist.
class not_found_error : public std::out_of_range {
public:
  not_found_error(std::string_view id, std::string_view message)
      : std::out_of_range(detail::compose_error_message(id, message)), id_(id) {}
  [[nodiscard]] const std::string& id() const noexcept { return id_; }

private:
  std::string id_;
};

}  // namespace huikuan
