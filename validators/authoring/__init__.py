"""Tools for a contributor writing records: add an article (:mod:`.add_source`), find the
exact words for an evidence item (:mod:`.quote`), start a record from a skeleton
(:mod:`.skeleton`)."""
