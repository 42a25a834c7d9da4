"""What happens around a record besides its fields: attachments and dated notes."""
