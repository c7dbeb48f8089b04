"""The dataset for analysts: loaded, typed records and the questions asked of them."""
