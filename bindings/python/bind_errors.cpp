// Exceptions by kind, keeping huikuan's stable message ids:
//   input_error      -> huikuan.InputError        (a ValueError)
//   overflow_error   -> huikuan.MoneyOverflowError (an InputError and an OverflowError)
//   not_found_error  -> huikuan.NotFoundError     (a KeyError)
//   anything else    -> pybind11's defaults: RuntimeError for an internal
//                       failure, MemoryError for std::bad_alloc.
// Each exception carries `id` ("huikuan.ledger.4") and, for input errors,
// `field` (the column or argument, may be empty) and `reason` (the message
// without its id).
#include "common.hpp"

namespace huikuan::python {

namespace {

PyObject* new_exception(const char* name, PyObject* bases, const char* doc) {
  PyObject* type = PyErr_NewExceptionWithDoc(name, doc, bases, nullptr);
  if (!type) throw py::error_already_set();
  return type;
}

void raise(PyObject* type, const char* message, const std::string& id, const std::string* field,
           std::string_view reason) {
  py::object error = py::reinterpret_steal<py::object>(PyObject_CallFunction(type, "s", message));
  if (!error) return;  // the call has set a Python error already
  error.attr("id") = id;
  error.attr("field") = field ? py::object(py::str(*field)) : py::object(py::none());
  error.attr("reason") = py::str(std::string(reason));
  PyErr_SetObject(type, error.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  // Created once per process and never released (module teardown order is
  // unspecified, and the translator below may run until the very end).
  static PyObject* input = new_exception(
      "huikuan.InputError", PyExc_ValueError,
      "Bad input: a value, row or argument huikuan cannot use. A ValueError whose message starts with a stable id, "
      "e.g. '[huikuan.ledger.4] unknown customer C9'; attributes id, field (column or argument) and reason.");
  static PyObject* overflow = new_exception(
      "huikuan.MoneyOverflowError", py::make_tuple(py::handle(input), py::handle(PyExc_OverflowError)).release().ptr(),
      "Money arithmetic that would leave the int64 range of minor units: an InputError and an OverflowError.");
  static PyObject* not_found = new_exception(
      "huikuan.NotFoundError", PyExc_KeyError,
      "A key (customer id, invoice id) that does not exist. A KeyError; attribute id is the stable error id.");
  m.attr("InputError") = py::handle(input);
  m.attr("MoneyOverflowError") = py::handle(overflow);
  m.attr("NotFoundError") = py::handle(not_found);

  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const overflow_error& e) {
      raise(overflow, e.what(), e.id(), &e.field(), e.reason());
    } catch (const input_error& e) {
      raise(input, e.what(), e.id(), &e.field(), e.reason());
    } catch (const not_found_error& e) {
      std::string_view text = e.what();
      raise(not_found, e.what(), e.id(), nullptr, text.substr(std::min(text.size(), e.id().size() + 3)));
    }
  });
}

}  // namespace huikuan::python
