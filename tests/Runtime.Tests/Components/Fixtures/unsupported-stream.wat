;; Uses a `stream` type, which the runtime does not support yet: instantiation must say so.
(component
  (type $s (stream u8))
  (export "s" (type $s))
)
