// The concepts bound into huikuan._core, one line each, in registration
// order: a class must be registered before the functions that take or
// return it, so that their signatures (and the stub) name it. To bind a new
// header, add bind_<concept>.cpp defining
//   void huikuan::python::bind_<concept>(pybind11::module_& m)
// (CMake picks up every bind_*.cpp), add its line here, and its names to
// huikuan/_core.pyi (the stub test fails until the stub is true).
HUIKUAN_PYTHON_BINDING(errors)
HUIKUAN_PYTHON_BINDING(money_dates)
HUIKUAN_PYTHON_BINDING(ledger)
HUIKUAN_PYTHON_BINDING(aging)
HUIKUAN_PYTHON_BINDING(kpi)
HUIKUAN_PYTHON_BINDING(scoring)
HUIKUAN_PYTHON_BINDING(credit)
HUIKUAN_PYTHON_BINDING(fitting)
HUIKUAN_PYTHON_BINDING(collections)
HUIKUAN_PYTHON_BINDING(exposure)
