// huikuan._core: the compiled part of the huikuan Python package. Each
// concept is bound in its own bind_<concept>.cpp; bind_list.hpp lists them.
#include "common.hpp"

namespace huikuan::python {
#define HUIKUAN_PYTHON_BINDING(concept) void bind_##concept(py::module_& m);
#include "bind_list.hpp"
#undef HUIKUAN_PYTHON_BINDING
}  // namespace huikuan::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "huikuan's C++ library for Python: ledger, aging, KPIs, statements, 5C scoring, fitting and "
            "diagnostics. Import the huikuan package rather than this module.";
  m.attr("__version__") = std::to_string(HUIKUAN_VERSION_MAJOR) + "." + std::to_string(HUIKUAN_VERSION_MINOR) + "." +
                          std::to_string(HUIKUAN_VERSION_PATCH);
#define HUIKUAN_PYTHON_BINDING(concept) huikuan::python::bind_##concept(m);
#include "bind_list.hpp"
#undef HUIKUAN_PYTHON_BINDING
}
