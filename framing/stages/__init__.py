"""Analysis stages: each a function of the shared TextContext and earlier stages' outputs."""
