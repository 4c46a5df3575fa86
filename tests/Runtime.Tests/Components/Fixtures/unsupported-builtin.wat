;; Uses an async-era canonical built-in, which the runtime does not support yet: loading must say so.
(component
  (core func $bp (canon backpressure.inc))
)
