"""Render: figures and documents drawn from what the service returns; never calls the service."""
